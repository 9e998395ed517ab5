// Command sdk-gen writes the Go and Python SDKs of a Pulumi package from its schema, with the
// code generators of the pinned github.com/pulumi/pulumi/pkg/v3 (see go.mod):
//
//	sdk-gen <schema.json> <out-root>
//
// writes <out-root>/go and <out-root>/python, each emptied first, in the layout
// `pulumi package gen-sdk` gives them. That command would need the Go and Python language hosts
// of the CLI's own release, which the module proxy does not serve; the generators themselves are
// plain library code, so this program calls them directly, as those hosts do, with the same tool
// names in the generated headers.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// generators maps each output folder to the call its language host makes.
var generators = map[string]func(*schema.Package) (map[string][]byte, error){
	"go": func(pkg *schema.Package) (map[string][]byte, error) {
		return gogen.GeneratePackage("pulumi-language-go", pkg, nil)
	},
	"python": func(pkg *schema.Package) (map[string][]byte, error) {
		// The loader only resolves the schema's `dependencies` (other packages), refused in bind.
		return python.GeneratePackage("pulumi-language-python", pkg, nil, nil)
	},
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: sdk-gen <schema.json> <out-root>")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintf(os.Stderr, "sdk-gen: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, outRoot string) error {
	for _, language := range []string{"go", "python"} {
		// Each generator records its language's options on the package: bind a fresh one per language.
		pkg, err := bind(schemaPath)
		if err != nil {
			return err
		}
		files, err := generators[language](pkg)
		if err != nil {
			return fmt.Errorf("generating the %s SDK: %w", language, err)
		}
		if err := write(filepath.Join(outRoot, language), files); err != nil {
			return err
		}
	}
	return nil
}

// bind reads and validates a schema as `pulumi package gen-sdk` does (dangling references allowed).
func bind(schemaPath string) (*schema.Package, error) {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		return nil, err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		return nil, fmt.Errorf("%s: %w", schemaPath, err)
	}
	if len(spec.Dependencies) > 0 {
		return nil, fmt.Errorf("%s: schemas depending on other packages are not supported (no package loader here)", schemaPath)
	}
	pkg, diags, err := schema.BindSpec(spec, schema.NewNullLoader(), schema.ValidationOptions{AllowDanglingReferences: true})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", schemaPath, err)
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("%s: %w", schemaPath, errors.Join(diags.Errs()...))
	}
	return pkg, nil
}

// write empties dir, then writes files (paths relative to dir), so a removed resource leaves no file behind.
func write(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	for name, contents := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, contents, 0o644); err != nil {
			return err
		}
	}
	return nil
}
