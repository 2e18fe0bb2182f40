from alpine:3.20
run true
copy a /a
