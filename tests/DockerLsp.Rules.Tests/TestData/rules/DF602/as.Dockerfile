FROM alpine:3.20 [|as|] build
from alpine:3.20 [|AS|] two
FROM alpine:3.20 AS three
From alpine:3.20 as four
