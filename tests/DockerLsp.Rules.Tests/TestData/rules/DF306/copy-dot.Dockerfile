FROM node:22-slim AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY [|.|] .
RUN npm run build

FROM nginx:1.27
COPY --from=build /app/dist /usr/share/nginx/html
ADD [|./|] /srv/extra/
