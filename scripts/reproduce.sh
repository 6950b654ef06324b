#!/usr/bin/env bash
# Runs the experiments of docs/reproduction.md at the budgets that made its numbers, one after
# the other (never two at once: they time themselves). Each writes its tables (.md, .csv) and
# figures (.png) to runs/reproduction/<name>/ and its log to runs/reproduction/<name>.log.
#
#   scripts/reproduce.sh                 every experiment (several hours on 2 cores)
#   scripts/reproduce.sh NAME [NAME...]  chosen ones; `scripts/reproduce.sh --list` names them
#
# Fashion-MNIST is found as the CLI finds it ($LATENTJ_FASHION_MNIST, ../shared/data/...).
# The runs in docs/reproduction.md used one BLAS thread each (OPENBLAS_NUM_THREADS=1) and two
# experiments side by side; the numbers do not depend on that, the seconds do.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A experiments=(
  [figure2-digits]="AevbFigure2 --dataset digits --examples 600000"
  [figure2-fashion]="AevbFigure2 --dataset fashion --examples 400000"
  [figure2-fashion-gaussian]="AevbFigure2 --dataset fashion-gaussian --examples 400000"
  [figure2-fashion-gaussian-sigmoid]="AevbFigure2 --dataset fashion-gaussian-sigmoid --latent 3,10,20 --examples 100000 --points 8"
  [figure4-digits]="AevbFigure4 --dataset digits --examples 600000"
  [figure4-fashion]="AevbFigure4 --dataset fashion --examples 400000"
  [estimator-variance]="EstimatorVariance"
  [iwae-digits]="IwaeTable --dataset digits --stages 3 --eval-images 500"
  [iwae-digits-seeds]="IwaeTable --dataset digits --stages 3 --eval-images 500 --configs vae-k50,iwae-k50 --seeds 2,3"
  [iwae-fashion]="IwaeTable --dataset fashion --stages 1 --eval-images 500"
  [ppca-collapse]="PpcaCollapse"
  [m2-digits]="M2Table --labels 100 --epochs 4 --seeds 1,2,3 --latent 10 --alpha-per-n 50"
  [m2-digits-1000]="M2Table --labels 1000 --epochs 6 --seeds 1,2,3 --latent 10 --alpha-per-n 50"
  [full-vb-digits]="FullVbTable --epochs 100 --eval-every 25 --init-scale 0.1"
  [flows-priors-digits]="FlowsAndPriorsTable --stages 2 --max-epochs 2 --batch 50 --eval-k 1000 --eval-images 1000"
  [flows-priors-digits-k5000]="FlowsAndPriorsTable --configs normal,iaf:4,vamp:50 --stages 2 --max-epochs 4 --batch 50 --eval-k 5000 --eval-images 1000"
  [flows-priors-digits-k5000-more]="FlowsAndPriorsTable --configs planar:8,mog:50 --stages 2 --max-epochs 4 --batch 50 --eval-k 5000 --eval-images 1000"
  [flows-priors-digits-k5000-seed2]="FlowsAndPriorsTable --configs normal,mog:50,planar:8,iaf:4,vamp:50 --stages 2 --max-epochs 4 --batch 50 --eval-k 5000 --eval-images 1000 --seed 2"
)
order=(ppca-collapse estimator-variance figure2-digits figure2-fashion figure2-fashion-gaussian
  figure2-fashion-gaussian-sigmoid figure4-digits figure4-fashion iwae-digits iwae-digits-seeds iwae-fashion m2-digits
  m2-digits-1000 full-vb-digits flows-priors-digits flows-priors-digits-k5000
  flows-priors-digits-k5000-more flows-priors-digits-k5000-seed2)

if [[ ${1:-} == --list ]]; then
  for name in "${order[@]}"; do printf '%-26s %s\n' "$name" "${experiments[$name]}"; done
  exit 0
fi
names=("$@")
((${#names[@]})) || names=("${order[@]}")
for name in "${names[@]}"; do
  [[ -n ${experiments[$name]:-} ]] || { echo "unknown experiment '$name' (--list)" >&2; exit 2; }
done

cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -ntp -q -pl examples -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
classpath="examples/target/classes:$(cat "$cp_file")"
mkdir -p runs/reproduction
failed=()
for name in "${names[@]}"; do
  read -r -a args <<<"${experiments[$name]}"
  main=${args[0]}
  out=runs/reproduction/$name
  echo "== $name: ${experiments[$name]} -> $out"
  start=$(date +%s)
  # One failure (e.g. no Fashion-MNIST here) must not cost the experiments after it.
  if java --add-modules jdk.incubator.vector ${JAVA_OPTS:--Xmx3g} -cp "$classpath" \
    "org.latentj.examples.reproduction.$main" \
    "${args[@]:1}" --output "$out" 2>&1 | tee "runs/reproduction/$name.log"; then
    echo "== $name: $(($(date +%s) - start)) s"
  else
    echo "== $name: FAILED, see runs/reproduction/$name.log" >&2
    failed+=("$name")
  fi
done
if ((${#failed[@]})); then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
