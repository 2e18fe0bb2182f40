FROM alpine:3.20
COPY a b /dest/
COPY a b /dest/
COPY ["a", "b", "/dest/"]
ADD x y dir/
COPY single /file
COPY <<EOF1 <<EOF2 /etc/conf/
one
EOF1
two
EOF2
