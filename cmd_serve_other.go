//go:build !linux

package main

// memoryTempRoot returns "": outside Linux serve uses the usual temporary
// folder.
func memoryTempRoot(need int64) string { return "" }
