FROM alpine:3.20
ENTRYPOINT /usr/bin/app --serve
[|CMD ["--port", "80"]|]
