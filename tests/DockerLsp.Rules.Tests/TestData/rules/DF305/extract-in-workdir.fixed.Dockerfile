FROM debian:12-slim
WORKDIR /srv
ADD dist.tar /srv/
RUN mkdir -p /srv/logs
