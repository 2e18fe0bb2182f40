FROM node:22
ARG [|BUILD_DATE|]
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
# The build script may read BUILD_DATE from its environment: the ARG must stay above it.
RUN npm run build
