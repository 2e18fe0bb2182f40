FROM alpine:3.20 AS first
COPY --from=[|second|] /a /a
COPY --from=[|first|] /b /b
RUN --mount=type=cache,from=[|second|],target=/c true
FROM alpine:3.20 AS second
RUN --mount=from=first,target=/x true
