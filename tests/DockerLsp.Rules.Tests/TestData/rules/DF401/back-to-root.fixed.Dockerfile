FROM debian:12
RUN useradd --uid 1000 -m svc
USER svc
RUN true
USER root
USER svc
ENTRYPOINT ["/svc"]
