FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get -y install --no-install-recommends ca-certificates git && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install --no-install-recommends -y ca-certificates wget && apt-get install --no-install-recommends --yes libpq5 && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
