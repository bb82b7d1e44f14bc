//go:build !nogui

package main

import "parallax/app"

func openWindow(args []string) int { return app.Main(args) }
