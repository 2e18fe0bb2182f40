FROM fedora:41
RUN [|dnf install|] -y nodejs && [|npm install|] -g pm2
CMD ["pm2-runtime", "app.js"]
