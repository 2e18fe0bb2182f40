FROM alpine:3.20
EXPOSE 80 80 443/tcp 53/udp 70000 1000-2000/udp 8000/tcp 80/http
