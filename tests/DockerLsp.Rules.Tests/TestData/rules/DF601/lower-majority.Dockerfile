from alpine:3.20
run true
[|COPY|] a /a
