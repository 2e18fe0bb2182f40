FROM debian:12-slim
WORKDIR /srv
COPY [|dist.tar|] dist.tar
RUN mkdir -p /srv/logs \
    && tar xf dist.tar \
    && rm -f dist.tar
