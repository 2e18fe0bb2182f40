FROM debian:12-slim
RUN apt-get update && [|apt-get install|] -y --no-install-recommends curl
RUN apt-get update \
    && [|apt-get install|] -y --no-install-recommends \
        ca-certificates \
        git
CMD ["bash"]
