FROM debian:12-slim
COPY [|bundle.tgz|] /tmp/bundle.tgz
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
RUN tar -xzf /tmp/bundle.tgz -C /usr/local && rm /tmp/bundle.tgz
