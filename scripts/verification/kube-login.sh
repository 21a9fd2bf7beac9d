#!/usr/bin/env bash
# Points kubectl at a stack's cluster with the pipeline's Entra identity (the clusters accept no
# local account): the resource group and cluster from the stack's outputs, kubelogin for the token.
#
#   kube-login.sh <stack>
set -euo pipefail
stack=${1:?usage: kube-login.sh <stack>}
group=$(pulumi stack output resourceGroupName --stack "$stack")
cluster=$(pulumi stack output clusterName --stack "$stack")
az aks get-credentials --resource-group "$group" --name "$cluster" --overwrite-existing --only-show-errors
kubelogin convert-kubeconfig -l azurecli
