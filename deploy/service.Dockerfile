# One image per Spring Boot service, from the jar the build made (./mvnw -DskipTests package):
#   docker build -f deploy/service.Dockerfile --build-arg SERVICE=order-service -t tars-speedy/order-service .
# (run from the repository root; compose.yaml does this for every service).
FROM eclipse-temurin:21-jre
ARG SERVICE
# curl for the container health check (GET /readyz on the public port).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 app
WORKDIR /app
COPY services/${SERVICE}/target/${SERVICE}.jar /app/app.jar
USER app
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
