FROM nginx:1.27
COPY nginx.conf /etc/nginx/conf.d/default.conf
copy --chown=nginx:nginx site/ /usr/share/nginx/html/
ONBUILD COPY . /usr/share/nginx/html/
COPY ["start.sh", "/usr/local/bin/"]
