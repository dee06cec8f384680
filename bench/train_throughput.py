"""LoRA SFT throughput (our recipe vs TRL defaults) and CRPO step-time split, same run, same data.

What it measures
- SFT: tokens/s (real, non-pad tokens), peak memory and MFU for a rank-64 LoRA on the language
  model of a randomly initialised Qwen2.5-VL (7B shape by default; ``--tiny`` for a CPU smoke
  run), through TRL's SFTTrainer, twice on the same synthetic multi-turn dialogues of mixed length:
  ``trl-defaults`` (SFTConfig defaults: padded batches, gradient checkpointing) and ``ours``
  (the shipped ``train/sft_text.yaml``: BFD packing into ``--max-length`` rows, padding-free with
  Qwen2.5-VL's 4-row packed positions, no gradient checkpointing; plus Liger's fused linear
  cross-entropy when ``liger_kernel`` is installed and FlashAttention-2 when ``flash_attn`` is).
  Prints the ratio ours / defaults.
- CRPO: one GRPO step split into generation / judging / update. The judge is the real
  ``mediscope.judge.PairwiseJudge`` + openai client against a loopback chat-completions server
  with ``--judge-latency`` seconds per request (the paid API is the one thing faked).

MFU counts useful work only: per real token, 4 x (language-model params) for the frozen linear
layers (forward + input-gradient backward; the LoRA weight gradients are negligible) plus
6 x layers x (mean sequence length / 2) x hidden for causal attention (forward + 2x
backward); recomputation under checkpointing is not useful work. Peak: ``--peak-tflops``
(default 989, the H100 SXM dense bf16 figure).

    python bench/train_throughput.py --tiny                 # CPU, seconds
    python bench/train_throughput.py --steps 12 --warmup 3  # one H100: 7B-shaped, 4096 tokens
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

log = logging.getLogger("bench.train_throughput")

SEVEN_B = {  # Qwen2.5-VL-7B-Instruct's shape
    "text": {"hidden_size": 3584, "intermediate_size": 18944, "num_hidden_layers": 28, "max_window_layers": 28,
             "num_attention_heads": 28, "num_key_value_heads": 4, "vocab_size": 152064,
             "max_position_embeddings": 128000, "tie_word_embeddings": False,
             "rope_parameters": {"rope_type": "default", "rope_theta": 1e6, "mrope_section": [16, 24, 24]}},
    "vision": {"depth": 32, "hidden_size": 1280, "intermediate_size": 3420, "num_heads": 16,
               "out_hidden_size": 3584, "fullatt_block_indexes": [7, 15, 23, 31]},
}


# ------------------------------------------------------------------------------------- setup
def build_model(tiny: bool, device: str, dtype):
    """Random-weight Qwen2.5-VL built directly on the device, plus the tiny processor."""
    import torch
    from transformers import Qwen2_5_VLForConditionalGeneration

    from mediscope.train.tiny import build_processor, tiny_config

    processor = build_processor()
    if tiny:
        cfg = tiny_config(processor.tokenizer)
    else:
        cfg = tiny_config(processor.tokenizer, text_overrides=SEVEN_B["text"], vision_overrides=SEVEN_B["vision"])
    with torch.device(device):
        model = Qwen2_5_VLForConditionalGeneration._from_config(cfg, dtype=dtype)
    for name, p in model.named_parameters():
        if "visual" in name:
            p.requires_grad_(False)
    return model, processor


def lm_params(model) -> int:
    """Parameters of the language model that every token passes through (incl. the LM head)."""
    n = sum(p.numel() for name, p in model.named_parameters() if "visual" not in name and "embed_tokens" not in name)
    if getattr(model.config, "tie_word_embeddings", False):
        n += model.get_input_embeddings().weight.numel()
    return n


_WORDS = ("患者 头痛 两周 发热 咳嗽 胸片 建议 检查 血压 心电图 休息 多喝水 药物 过敏 "
          "the patient reports chest pain fever cough please get an ECG and rest").split()


def synthetic_published(folder: Path, tokenizer, n_rows: int, max_tokens: int, seed: int = 0) -> list[int]:
    """Text-only multi-turn dialogues in the published schema, lengths spread over
    [max_tokens/8, max_tokens] (real corpora are skewed like this; padding wastes the gap)."""
    from datasets import Dataset, Features, Image, List, Value

    rnd = random.Random(seed)
    rows, lengths = [], []
    for i in range(n_rows):
        target = rnd.randint(max_tokens // 8, int(max_tokens * 0.9))
        messages, total, turn = [], 0, 0
        while total < target:
            words = rnd.randint(8, 60)
            text = " ".join(rnd.choice(_WORDS) for _ in range(words))
            role = "user" if turn % 2 == 0 else "assistant"
            messages.append({"role": role, "content": [{"type": "text", "text": text}]})
            total += len(tokenizer(text)["input_ids"]) + 5
            turn += 1
        if messages[-1]["role"] == "user":
            messages.append({"role": "assistant", "content": [{"type": "text", "text": "好的，建议复查。"}]})
        lengths.append(total)
        rows.append({"id": f"b{i}", "case_id": f"c{i}", "lang": "zh", "kind": "dialogue", "source": "bench",
                     "messages": messages, "images": [], "n_turns": len(messages), "meta": "{}"})
    features = Features({
        "id": Value("string"), "case_id": Value("string"), "lang": Value("string"), "kind": Value("string"),
        "source": Value("string"),
        "messages": List({"role": Value("string"), "content": List({"type": Value("string"), "text": Value("string")})}),
        "images": List(Image()), "n_turns": Value("int32"), "meta": Value("string"),
    })
    from mediscope.train.data import write_split

    write_split(Dataset.from_list(rows, features=features), folder, "train")
    return lengths


# ------------------------------------------------------------------------------------- SFT
class StepClock:
    """A trainer callback timing each optimizer step (synchronising the GPU)."""

    def __init__(self, cuda: bool):
        from transformers import TrainerCallback

        clock = self

        class _CB(TrainerCallback):
            def on_step_begin(self, args, state, control, **kw):
                clock._sync()
                clock.starts.append(time.perf_counter())

            def on_step_end(self, args, state, control, **kw):
                clock._sync()
                clock.ends.append(time.perf_counter())

        self.cuda = cuda
        self.starts: list[float] = []
        self.ends: list[float] = []
        self.callback = _CB()

    def _sync(self):
        if self.cuda:
            import torch

            torch.cuda.synchronize()


RUN_KEYS = {"max_steps", "logging_steps", "save_strategy", "eval_strategy", "eval_steps", "save_steps",
            "save_total_limit", "report_to", "num_train_epochs", "max_length", "dataloader_num_workers", "seed"}


def sft_configs(args, cuda: bool) -> dict[str, dict]:
    """``ours``: the shipped recipe's trainer section; ``trl-defaults``: SFTConfig's defaults.

    Only run-length keys (steps, logging, saving, evaluation) and the rows per step are set
    alike for both, so the comparison is recipe against defaults on the same data.
    """
    from mediscope.train.config import load_recipe

    common = {"max_steps": args.steps, "logging_steps": 1, "save_strategy": "no", "eval_strategy": "no",
              "report_to": "none", "max_length": args.max_length, "dataloader_num_workers": 0, "seed": 0,
              "per_device_train_batch_size": args.batch_size, "gradient_accumulation_steps": 1}
    if not cuda:
        common.update({"use_cpu": True, "bf16": False})
    recipe = load_recipe(args.recipe)
    ours = {k: v for k, v in recipe.sft_kwargs().items() if k not in RUN_KEYS and k != "output_dir"}
    ours.update(common)
    if args.ours_checkpointing:
        ours["gradient_checkpointing"] = True
    if cuda and args.liger and importlib.util.find_spec("liger_kernel") is not None:
        ours["use_liger_kernel"] = True  # fused linear cross-entropy: no 152k-wide logits in memory
    defaults = {**common, "assistant_only_loss": True}  # everything else: TRL's defaults
    return {"trl-defaults": defaults, "ours": ours}


def run_sft(name: str, trainer_kwargs: dict, args, data_dir: Path, tiny: bool, device: str, dtype, attn: str) -> dict:
    import torch

    from mediscope.train.config import SFTRecipe
    from mediscope.train.sft import build_sft_trainer

    cuda = device == "cuda"
    model, processor = build_model(tiny, device, dtype)
    model.set_attn_implementation(attn if name == "ours" else "sdpa")
    recipe = SFTRecipe(name=f"bench-{name}", model={"path": "in-memory"}, data={"path": str(data_dir), "text_only": True},
                       output_dir=str(data_dir / f"out-{name}"), max_length=args.max_length, trainer=trainer_kwargs)
    trainer = build_sft_trainer(recipe, model=model, processor=processor)
    clock = StepClock(cuda)
    trainer.add_callback(clock.callback)
    if cuda:
        torch.cuda.empty_cache()
        torch.cuda.reset_peak_memory_stats()
    trainer.train()
    tokens = [h["num_tokens"] for h in trainer.state.log_history if "num_tokens" in h]
    w = min(args.warmup, len(tokens) - 2)
    elapsed = clock.ends[-1] - clock.ends[w]
    tok = tokens[-1] - tokens[w]
    # attention: each token attends to half its own sequence on average (causal), packed or not
    per_token = 4 * lm_params(trainer.model.get_base_model()) + 6 * model.config.text_config.num_hidden_layers * (
        args.mean_tokens / 2) * model.config.text_config.hidden_size
    tps = tok / elapsed
    peak = torch.cuda.max_memory_allocated() / 2**30 if cuda else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    result = {
        "config": name, "steps_timed": len(tokens) - 1 - w, "tokens": int(tok), "seconds": round(elapsed, 3),
        "tokens_per_s": round(tps, 1), "peak_mem_gib": round(peak, 2),
        "mfu": round(tps * per_token / (args.peak_tflops * 1e12), 4) if cuda else None,
        "settings": {k: v for k, v in trainer_kwargs.items() if k not in ("report_to", "save_strategy")},
        "attn": model.config._attn_implementation,
    }
    del trainer, model
    if cuda:
        torch.cuda.empty_cache()
    return result


# ------------------------------------------------------------------------------------- CRPO
def run_crpo_split(args, tiny: bool, device: str, dtype, workdir: Path) -> dict:
    import datasets

    from mediscope.testing import ChatServer, judge_responder
    from mediscope.train.config import CRPORecipe
    from mediscope.train.crpo import build_crpo_trainer, build_judge

    cuda = device == "cuda"
    model, processor = build_model(tiny, device, dtype)
    folder = workdir / "crpo-data"
    synthetic_published(folder, processor.tokenizer, n_rows=16, max_tokens=256 if tiny else 1024, seed=1)
    ds = datasets.load_dataset(str(folder), split="train")
    cps = [[{"model": f"cp{j}", "response": f"counterpart {j}: rest and get an ECG" + "!" * j} for j in range(args.k)]] * len(ds)
    ds = ds.add_column("counterparts", cps, feature=datasets.List({"model": datasets.Value("string"),
                                                                    "response": datasets.Value("string")}))
    from mediscope.train.data import write_split

    write_split(ds, folder, "train")
    trainer_kwargs = {"max_steps": args.crpo_steps, "per_device_train_batch_size": args.crpo_batch,
                      "num_generations": args.num_generations, "max_completion_length": args.completion_length,
                      "logging_steps": 1, "save_strategy": "no", "report_to": "none",
                      "gradient_checkpointing": False, "seed": 0}
    if not cuda:
        trainer_kwargs.update({"use_cpu": True, "bf16": False})
    recipe = CRPORecipe(name="bench-crpo", model={"path": "in-memory"}, data={"path": str(folder), "text_only": True},
                        output_dir=str(workdir / "out-crpo"), reward={"mode": "crpo", "k": args.k},
                        trainer=trainer_kwargs)
    prefer = judge_responder(lambda d, a, b: "A" if len(a) > len(b) else "B" if len(b) > len(a) else "tie")
    with ChatServer(responder=prefer, latency=args.judge_latency) as server:
        from mediscope.train.config import JudgeSettings

        judge = build_judge(JudgeSettings(model="judge", base_url=server.base_url, cache_dir=None,
                                          concurrency=args.judge_concurrency), "crpo")
        trainer, _ = build_crpo_trainer(recipe, judge=judge, model=model, processor=processor)
        clock = StepClock(cuda)
        trainer.add_callback(clock.callback)
        spans: dict[str, list[float]] = {"generation": [], "judging": []}

        def timed(key, fn):
            def wrapper(*a, **kw):
                clock._sync()
                t0 = time.perf_counter()
                out = fn(*a, **kw)
                clock._sync()
                spans[key].append(time.perf_counter() - t0)
                return out
            return wrapper

        trainer._generate = timed("generation", trainer._generate)
        trainer._calculate_rewards = timed("judging", trainer._calculate_rewards)
        trainer.train()
        judge_requests = len(server.requests)
    steps = [e - s for s, e in zip(clock.starts, clock.ends, strict=False)]
    w = min(args.warmup, len(steps) - 1)
    step = sum(steps[w:]) / len(steps[w:])
    gen = sum(spans["generation"][w:]) / max(1, len(spans["generation"][w:]))
    judge_t = sum(spans["judging"][w:]) / max(1, len(spans["judging"][w:]))
    return {"step_s": round(step, 3), "generation_s": round(gen, 3), "judging_s": round(judge_t, 3),
            "update_s": round(step - gen - judge_t, 3), "judge_requests": judge_requests,
            "judge_latency_s": args.judge_latency, "k": args.k, "num_generations": args.num_generations,
            "completion_tokens": args.completion_length}


# ------------------------------------------------------------------------------------- main
def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tiny", action="store_true", help="tiny model on CPU (smoke run)")
    p.add_argument("--steps", type=int, default=None, help="SFT steps per config (default 12, tiny 6)")
    p.add_argument("--warmup", type=int, default=None, help="untimed steps (default 3, tiny 2)")
    p.add_argument("--max-length", type=int, default=None, help="tokens per row (default 4096, tiny 256)")
    p.add_argument("--batch-size", type=int, default=None,
                   help="rows per step for both configs (default 1; TRL's own default of 8 OOMs at 7B x 4096)")
    p.add_argument("--recipe", type=Path, default=REPO / "train" / "sft_text.yaml", help="recipe measured as 'ours'")
    p.add_argument("--ours-checkpointing", action="store_true", help="force gradient checkpointing on in 'ours'")
    p.add_argument("--no-liger", dest="liger", action="store_false", help="do not add Liger kernels to 'ours'")
    p.add_argument("--rows", type=int, default=None, help="synthetic dialogues (default 256, tiny 48)")
    p.add_argument("--peak-tflops", type=float, default=989.0, help="accelerator peak bf16 dense TFLOP/s")
    p.add_argument("--skip-crpo", action="store_true")
    p.add_argument("--crpo-steps", type=int, default=None)
    p.add_argument("--crpo-batch", type=int, default=8)
    p.add_argument("--num-generations", type=int, default=8)
    p.add_argument("--completion-length", type=int, default=None, help="default 256, tiny 16")
    p.add_argument("--k", type=int, default=5, help="counterparts per prompt")
    p.add_argument("--judge-latency", type=float, default=None, help="seconds per judge request (default 1.0, tiny 0.05)")
    p.add_argument("--judge-concurrency", type=int, default=64)
    p.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = p.parse_args(argv)
    t = args.tiny
    args.steps = args.steps or (6 if t else 12)
    args.warmup = args.warmup if args.warmup is not None else (2 if t else 3)
    args.max_length = args.max_length or (256 if t else 4096)
    args.batch_size = args.batch_size or (4 if t else 1)
    args.rows = args.rows or (48 if t else 256)
    args.crpo_steps = args.crpo_steps or (3 if t else 4)
    args.completion_length = args.completion_length or (16 if t else 256)
    args.judge_latency = args.judge_latency if args.judge_latency is not None else (0.05 if t else 1.0)

    logging.basicConfig(level=logging.WARNING)
    import torch

    cuda = torch.cuda.is_available() and not t
    device = "cuda" if cuda else "cpu"
    dtype = torch.bfloat16 if cuda else torch.float32
    attn = "flash_attention_2" if cuda and importlib.util.find_spec("flash_attn") else "sdpa"
    if not cuda and not t:
        print("no CUDA device: use --tiny for a CPU run", file=sys.stderr)
        return 2
    results: dict = {"device": torch.cuda.get_device_name() if cuda else "cpu", "torch": torch.__version__}
    with tempfile.TemporaryDirectory(prefix="bench-train-") as tmp:
        work = Path(tmp)
        from mediscope.train.tiny import build_tokenizer

        lengths = synthetic_published(work / "sft-data", build_tokenizer(), args.rows, args.max_length)
        args.mean_tokens = sum(lengths) / len(lengths)
        results["data"] = {"rows": args.rows, "mean_tokens": round(args.mean_tokens), "max_length": args.max_length}
        sft = {}
        for name, kw in sft_configs(args, cuda).items():
            sft[name] = run_sft(name, kw, args, work / "sft-data", t, device, dtype, attn)
            print(json.dumps(sft[name]))
        results["sft"] = sft
        ratio = sft["ours"]["tokens_per_s"] / sft["trl-defaults"]["tokens_per_s"]
        results["sft_speedup"] = round(ratio, 2)
        if not args.skip_crpo:
            results["crpo"] = run_crpo_split(args, t, device, dtype, work)
    print("\n== LoRA SFT (r=64, language model), same data ==")
    for name, r in results["sft"].items():
        mfu = f"{r['mfu'] * 100:.1f}%" if r["mfu"] is not None else "n/a (CPU)"
        print(f"{name:>13}: {r['tokens_per_s']:>10.1f} tok/s  peak {r['peak_mem_gib']:.2f} GiB  MFU {mfu}")
    print(f"ours / trl-defaults: {results['sft_speedup']:.2f}x")
    if "crpo" in results:
        c = results["crpo"]
        print("\n== CRPO step (mean after warm-up) ==")
        print(f"step {c['step_s']:.3f}s = generation {c['generation_s']:.3f}s + judging {c['judging_s']:.3f}s "
              f"+ update {c['update_s']:.3f}s  ({c['judge_requests']} judge requests, {c['judge_latency_s']}s each)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
