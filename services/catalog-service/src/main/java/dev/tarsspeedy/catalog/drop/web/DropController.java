package dev.tarsspeedy.catalog.drop.web;

import dev.tarsspeedy.catalog.DropId;
import dev.tarsspeedy.catalog.drop.DropPatch;
import dev.tarsspeedy.catalog.drop.DropService;
import dev.tarsspeedy.catalog.drop.DropSettings;
import dev.tarsspeedy.catalog.drop.DropStatus;
import dev.tarsspeedy.catalog.drop.DropTerms;
import dev.tarsspeedy.catalog.drop.Violation;
import dev.tarsspeedy.catalog.drop.web.DropRequests.CreateDrop;
import dev.tarsspeedy.catalog.drop.web.DropRequests.PatchDrop;
import dev.tarsspeedy.catalog.drop.web.DropResponses.DropPageResponse;
import dev.tarsspeedy.catalog.drop.web.DropResponses.DropResponse;
import dev.tarsspeedy.catalog.product.ProductId;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Operators manage drops under {@code /api/admin/drops}; everyone browses {@code /api/drops}. */
@RestController
class DropController {

    private static final String STATUSES =
            Arrays.stream(DropStatus.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final DropService drops;
    private final int maxPageSize;

    DropController(DropService drops, DropSettings settings) {
        this.drops = drops;
        this.maxPageSize = settings.listing().maxPageSize();
    }

    @PostMapping("/api/admin/drops")
    Mono<ResponseEntity<DropResponse>> create(@Valid @RequestBody CreateDrop request) {
        return Mono.defer(() -> drops.create(
                        new ProductId(request.productId()),
                        new DropTerms(
                                request.price(),
                                request.quantity(),
                                request.perUserLimit(),
                                request.opensAt(),
                                request.closesAt())))
                .map(view -> ResponseEntity.created(
                                URI.create("/api/drops/" + view.drop().id()))
                        .body(DropResponse.of(view)))
                .onErrorMap(DropProblems::translate);
    }

    @PatchMapping("/api/admin/drops/{id}")
    Mono<DropResponse> patch(@PathVariable UUID id, @RequestBody PatchDrop request) {
        return drops.patch(
                        new DropId(id),
                        new DropPatch(
                                request.price(),
                                request.quantity(),
                                request.perUserLimit(),
                                request.opensAt(),
                                request.closesAt()))
                .map(DropResponse::of)
                .onErrorMap(DropProblems::translate);
    }

    @PostMapping("/api/admin/drops/{id}/close")
    Mono<DropResponse> close(@PathVariable UUID id) {
        return drops.close(new DropId(id)).map(DropResponse::of).onErrorMap(DropProblems::translate);
    }

    @GetMapping("/api/drops/{id}")
    Mono<DropResponse> get(@PathVariable UUID id) {
        return drops.get(new DropId(id)).map(DropResponse::of).onErrorMap(DropProblems::translate);
    }

    @GetMapping("/api/drops")
    Mono<DropPageResponse> list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return Mono.defer(() -> {
            List<Violation> violations = new ArrayList<>();
            DropStatus wanted = null;
            if (status != null && !status.isBlank()) {
                try {
                    wanted = DropStatus.valueOf(status.strip());
                } catch (IllegalArgumentException e) {
                    violations.add(
                            Violation.of("status", "drops.status-unknown", "must be one of " + STATUSES, STATUSES));
                }
            }
            if (page < 0) {
                violations.add(Violation.of("page", "drops.page-negative", "must be greater than or equal to 0"));
            }
            if (size < 1 || size > maxPageSize) {
                violations.add(Violation.of(
                        "size", "drops.size-out-of-range", "must be between 1 and " + maxPageSize, maxPageSize));
            }
            if (!violations.isEmpty()) {
                return Mono.error(DropProblems.invalid(violations));
            }
            return drops.list(wanted, page, size).map(DropPageResponse::of);
        });
    }
}
