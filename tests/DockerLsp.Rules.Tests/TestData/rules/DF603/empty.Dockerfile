FROM alpine:3.20
RUN apk add --no-cache \
    curl \
[|
|]    git
RUN echo ok \
    # comment
    && true
