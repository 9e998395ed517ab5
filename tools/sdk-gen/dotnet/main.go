// Command sdk-gen-dotnet writes the .NET SDK of a Pulumi package from its schema:
//
//	sdk-gen-dotnet <schema.json> <out-root>
//
// writes <out-root>/dotnet, emptied first, in the layout `pulumi package gen-sdk` gives it.
//
// A module of its own, beside the Go and Python generator (../main.go): the .NET code generator
// left github.com/pulumi/pulumi/pkg/v3 after v3.228.0 for the .NET language host's repository,
// whose modules the module proxy refuses, so this program pins v3.228.0, the last release that has
// it. Being another version of pkg/v3, it shares no code with ../main.go.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: sdk-gen-dotnet <schema.json> <out-root>")
		os.Exit(2)
	}
	if err := run(os.Args[1], filepath.Join(os.Args[2], "dotnet")); err != nil {
		fmt.Fprintf(os.Stderr, "sdk-gen-dotnet: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, outDir string) error {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	// No loader: the schema depends on no other package.
	pkg, diags, err := schema.BindSpec(spec, nil, schema.ValidationOptions{AllowDanglingReferences: true})
	if err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	if diags.HasErrors() {
		return fmt.Errorf("%s: %w", schemaPath, errors.Join(diags.Errs()...))
	}
	http.DefaultTransport = packageIcon{}
	files, err := dotnet.GeneratePackage("pulumi-language-dotnet", pkg, nil, nil)
	if err != nil {
		return fmt.Errorf("generating the .NET SDK: %w", err)
	}
	if err := os.RemoveAll(outDir); err != nil {
		return err
	}
	for name, contents := range files {
		path := filepath.Join(outDir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, contents, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// packageIcon answers the generator's one download, the NuGet package's icon (the schema's
// logoUrl, else Pulumi's logo on GitHub, unreachable from here), with an icon drawn here, so that
// the output is the same on every machine. Any other request fails, naming it.
type packageIcon struct{}

func (packageIcon) RoundTrip(request *http.Request) (*http.Response, error) {
	if filepath.Ext(request.URL.Path) != ".png" {
		return nil, fmt.Errorf("sdk-gen-dotnet makes no request but the package icon's; asked for %s", request.URL)
	}
	icon := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for x := 0; x < 64; x++ {
		for y := 0; y < 64; y++ {
			icon.Set(x, y, color.RGBA{R: 0x64, G: 0x2d, B: 0xff, A: 0xff})
		}
	}
	var encoded bytes.Buffer
	if err := png.Encode(&encoded, icon); err != nil {
		return nil, err
	}
	return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(&encoded), Request: request}, nil
}
