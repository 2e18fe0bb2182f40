# Metadata at the end of a stage is the usual place: nothing below it can be invalidated.
FROM nginx:1.27
COPY site/ /usr/share/nginx/html/
EXPOSE 80
CMD ["nginx", "-g", "daemon off;"]

# A LABEL made from a variable is not static (DF303 looks at those).
FROM alpine:3.20 AS labelled
ARG GIT_SHA
RUN apk add --no-cache git
LABEL org.opencontainers.image.revision=$GIT_SHA
RUN echo done

# The ENV it references comes after the first build step: it cannot move above it.
FROM alpine:3.20 AS late
RUN apk add --no-cache curl
ENV PORT=80
EXPOSE $PORT
RUN echo done
