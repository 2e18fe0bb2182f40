FROM debian:12-slim
RUN apt-get update && apt-get [|install|] curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get -y [|install|] git && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install --no-install-recommends -y ca-certificates wget && apt-get [|install|] --yes libpq5 && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
