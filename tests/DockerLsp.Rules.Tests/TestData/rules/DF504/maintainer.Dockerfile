FROM alpine:3.20
[|MAINTAINER|] Jane Doe <jane@example.com>
from alpine:3.20
[|maintainer|] "Joe" $x
