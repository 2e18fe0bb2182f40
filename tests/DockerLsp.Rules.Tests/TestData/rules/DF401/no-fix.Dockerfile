FROM [|ubuntu:24.04|]
CMD ["bash"]
