FROM debian:12
RUN mkdir -p /srv/app
[|RUN|] chmod 0755 /srv/app
