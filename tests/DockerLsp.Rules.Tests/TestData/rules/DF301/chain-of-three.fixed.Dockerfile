FROM debian:12
RUN mkdir -p /srv/app && \
    ln -s /srv/app /app && \
    chmod 0755 /srv/app
