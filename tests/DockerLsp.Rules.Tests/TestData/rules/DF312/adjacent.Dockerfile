FROM debian:12-slim
RUN [|apt-get update|]
RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
