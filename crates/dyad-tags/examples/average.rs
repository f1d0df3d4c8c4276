//! Average two weights files: `average <a.bin> <b.bin> <out.bin>`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: average <a.bin> <b.bin> <out.bin>");
        std::process::exit(2);
    }
    let read = |p: &str| {
        std::fs::read(p).unwrap_or_else(|e| {
            eprintln!("{p}: {e}");
            std::process::exit(1)
        })
    };
    match dyad_tags::train::average_models(&read(&args[1]), &read(&args[2])) {
        Ok(bytes) => {
            if let Err(e) = std::fs::write(&args[3], &bytes) {
                eprintln!("{}: {e}", args[3]);
                std::process::exit(1);
            }
            eprintln!("wrote {} ({} bytes)", args[3], bytes.len());
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
