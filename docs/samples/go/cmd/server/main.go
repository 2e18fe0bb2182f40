package main

import (
	"fmt"
	"net/http"
)

var version = "dev"

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "hello", version) })
	_ = http.ListenAndServe(":8080", nil)
}
