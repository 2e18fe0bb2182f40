FROM debian:12
RUN mkdir -p /srv/app && \
    chmod 0755 /srv/app
