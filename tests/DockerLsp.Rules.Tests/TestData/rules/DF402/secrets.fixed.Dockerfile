FROM node:22
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm config set //registry.npmjs.org/:_authToken=$NPM_TOKEN && npm ci
ENV DB_PASSWORD=hunter2 PUBLIC_KEY=abc GPG_KEY=ABCDEF
ENV API_TOKEN_FILE=/run/secrets/token
ARG GITHUB_TOKEN
LABEL token=$GITHUB_TOKEN
