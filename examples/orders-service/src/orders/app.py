"""GET /orders/{id}: reads the order from DynamoDB, its lines from MySQL, prices from an API."""

import json
import os

import boto3
import pymysql
import requests

TABLE = os.environ["TABLE"]


def fetch_lines(order_id):
    conn = pymysql.connect(host=os.environ["DB_HOST"], user="app", database="orders")
    with conn.cursor() as cursor:
        cursor.execute("SELECT sku, qty FROM lines WHERE order_id = %s", (order_id,))
        return cursor.fetchall()


def get_order(event, context):
    dynamodb = boto3.resource("dynamodb")
    order = dynamodb.Table(TABLE).get_item(Key={"id": event["pathParameters"]["id"]})["Item"]
    order["lines"] = fetch_lines(order["id"])
    prices = requests.get("https://prices.internal.example/v1/prices").json()
    order["total"] = sum(prices[sku] * qty for sku, qty in order["lines"])
    return {"statusCode": 200, "body": json.dumps(order, default=str)}
