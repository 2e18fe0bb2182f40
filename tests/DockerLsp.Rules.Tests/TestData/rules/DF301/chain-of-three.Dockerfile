FROM debian:12
RUN mkdir -p /srv/app
[|RUN|] ln -s /srv/app /app
[|RUN|] chmod 0755 /srv/app
