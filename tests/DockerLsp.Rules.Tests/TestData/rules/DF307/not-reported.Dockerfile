# The manifests come first: the install is cached until they change.
FROM node:22-slim AS good
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# The install does not run in the copied tree.
FROM python:3.12-slim AS elsewhere
COPY . /src
WORKDIR /tools
RUN pip install --no-cache-dir -r requirements.txt

# Installing a named package is not installing the project's dependencies.
FROM node:22-slim AS global
WORKDIR /app
COPY . .
RUN npm install -g pm2
