# escape=`
FROM mcr.microsoft.com/powershell:lts-debian-12
SHELL ["/bin/sh", "-c"]
RUN apt-get update `
  && [|apt-get install|] -y --no-install-recommends git
CMD ["pwsh"]
