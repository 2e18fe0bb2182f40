FROM alpine:3.20
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
from alpine:3.20
label org.opencontainers.image.authors="\"Joe\" \$x"
