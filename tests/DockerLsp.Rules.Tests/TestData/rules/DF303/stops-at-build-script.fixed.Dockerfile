FROM node:22
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
ARG BUILD_DATE
# The build script may read BUILD_DATE from its environment: the ARG must stay above it.
RUN npm run build
