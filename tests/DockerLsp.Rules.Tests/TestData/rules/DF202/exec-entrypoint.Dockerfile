FROM alpine:3.20
ENTRYPOINT ["/usr/bin/app"]
CMD ["--port", "80"]
