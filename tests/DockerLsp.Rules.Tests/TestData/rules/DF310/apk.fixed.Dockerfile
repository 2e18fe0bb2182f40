FROM alpine:3.20
RUN apk add --no-cache curl
RUN apk add --no-cache --virtual .build-deps gcc musl-dev && apk del .build-deps
CMD ["sh"]
