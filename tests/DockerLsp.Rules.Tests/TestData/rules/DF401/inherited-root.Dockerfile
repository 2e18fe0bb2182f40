FROM debian:12 AS base
RUN useradd --uid 1000 -m svc
USER root

FROM [|base|]
COPY app /app
ENTRYPOINT ["/app"]
