FROM node:22-bookworm AS web
RUN echo web

FROM docker.io/library/eclipse-temurin:21-jre-jammy
COPY app.jar /app.jar
CMD ["java", "-jar", "/app.jar"]
