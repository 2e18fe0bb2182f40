# Build dependencies marked automatic and purged in the same RUN do not ship (the official images' idiom).
FROM debian:12-slim
RUN set -eux; \
    savedAptMark="$(apt-mark showmanual)"; \
    apt-get update; \
    apt-get install -y --no-install-recommends gcc libc6-dev make; \
    make -C /usr/src/app install; \
    apt-mark auto '.*' > /dev/null; \
    apt-mark manual $savedAptMark; \
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    rm -rf /var/lib/apt/lists/*
CMD ["app"]
