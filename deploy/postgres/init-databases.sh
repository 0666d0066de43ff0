#!/bin/sh
# One database per service on the one PostgreSQL server of compose.yaml (each service owns its schema).
set -eu
for database in identity_service notification_service market_data_service alert_service catalog_service order_service \
    payment_service; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -c "CREATE DATABASE $database"
done
