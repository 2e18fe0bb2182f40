FROM nginx:1.27
[|ADD|] nginx.conf /etc/nginx/conf.d/default.conf
[|add|] --chown=nginx:nginx site/ /usr/share/nginx/html/
ONBUILD [|ADD|] . /usr/share/nginx/html/
[|ADD|] ["start.sh", "/usr/local/bin/"]
