FROM alpine:3.20 AS build
from alpine:3.20 as two
FROM alpine:3.20 AS three
From alpine:3.20 as four
