FROM node:22
ARG [|NPM_TOKEN|]
RUN npm config set //registry.npmjs.org/:_authToken=$NPM_TOKEN && npm ci
ENV [|DB_PASSWORD|]=hunter2 PUBLIC_KEY=abc GPG_KEY=ABCDEF
ENV API_TOKEN_FILE=/run/secrets/token
ARG [|GITHUB_TOKEN|]
LABEL token=$GITHUB_TOKEN
