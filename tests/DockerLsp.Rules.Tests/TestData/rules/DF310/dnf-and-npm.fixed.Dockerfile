FROM fedora:41
RUN dnf install -y nodejs && npm install -g pm2 && dnf clean all && npm cache clean --force
CMD ["pm2-runtime", "app.js"]
