FROM [|MyImage|]:1.0
FROM registry.example.com:[|abc|]/team/app:1
FROM alpine:[|.bad|]
FROM alpine@sha256:[|123|]
FROM localhost:5000/app:1
FROM [2001:db8::1]:5000/app:1
FROM ghcr.io/owner/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
